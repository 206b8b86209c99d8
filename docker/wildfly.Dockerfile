# OpenHands for Jira Data Center on WildFly, configured by the CLI script the smoke test's server is
# configured with (src/main/wildfly/configure.cli: the OpenHandsDS datasource and the JDBC
# drivers). Build from the repository root after `mvn -Pwildfly package` (which puts the PostgreSQL
# driver in the WildFly module it adds):
#   docker build -f docker/wildfly.Dockerfile -t openhands-jira-dc:wildfly .
# Every setting is an environment variable: JIRA_DC_ENABLED, SECRETS_KEY, ... and the datasource's
# DATASOURCE_CLASS_NAME, DATASOURCE_URL, DATASOURCE_USER, DATASOURCE_PASSWORD.
FROM quay.io/wildfly/wildfly:39.0.1.Final-jdk17
COPY --chown=jboss:root src/main/wildfly/modules/ /opt/jboss/wildfly/modules/
COPY --chown=jboss:root target/wildfly-39.0.1.Final/modules/org/postgresql/main/postgresql.jar /opt/jboss/wildfly/modules/org/postgresql/main/
COPY --chown=jboss:root src/main/wildfly/configure.cli /tmp/configure.cli
RUN /opt/jboss/wildfly/bin/jboss-cli.sh --file=/tmp/configure.cli \
 && rm -rf /opt/jboss/wildfly/standalone/configuration/standalone_xml_history /tmp/configure.cli
COPY --chown=jboss:root target/openhands-jira-dc.war /opt/jboss/wildfly/standalone/deployments/
EXPOSE 8080 9990
# readiness: http://localhost:9990/health/ready (WildFly serves MicroProfile Health on its management
# interface; keep port 9990 inside the cluster network)
CMD ["/opt/jboss/wildfly/bin/standalone.sh", "-c", "standalone-microprofile.xml", "-b", "0.0.0.0", "-bmanagement", "0.0.0.0"]
