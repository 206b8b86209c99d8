package dev.openhands.jiradc.testing.server;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** What {@link SharedPayaraMicro} is told in arquillian.xml, named as for Payara's own Payara Micro container. */
public class SharedPayaraMicroConfiguration implements ContainerConfiguration {

    private String microJar;
    private String cmdOptions = "";
    private String extraMicroOptions = "";
    private int startupTimeoutInSeconds = 180;

    @Override
    public void validate() throws ConfigurationException {
        if (microJar == null || !new java.io.File(microJar).isFile()) {
            throw new ConfigurationException("microJar names no file: " + microJar);
        }
    }

    public String getMicroJar() {
        return microJar;
    }

    public void setMicroJar(String microJar) {
        this.microJar = microJar;
    }

    public String getCmdOptions() {
        return cmdOptions;
    }

    public void setCmdOptions(String cmdOptions) {
        this.cmdOptions = cmdOptions;
    }

    public String getExtraMicroOptions() {
        return extraMicroOptions;
    }

    public void setExtraMicroOptions(String extraMicroOptions) {
        this.extraMicroOptions = extraMicroOptions;
    }

    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }
}
