package dev.openhands.jiradc.testing.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one way the tests and benchmarks start Payara Micro: this JDK's {@code java}, the JVM's options, the Payara Micro
 * jar, always {@code --nocluster --disablephonehome} (each server stands alone and never calls out), then Payara
 * Micro's own options. Its console goes to a file, and it is stopped with the test JVM, also when that is interrupted.
 */
public record PayaraMicroCommand(Path microJar, List<String> jvmOptions, List<String> microOptions) {

    public PayaraMicroCommand {
        jvmOptions = List.copyOf(jvmOptions);
        microOptions = List.copyOf(microOptions);
    }

    public static PayaraMicroCommand of(Path microJar) {
        return new PayaraMicroCommand(microJar, List.of(), List.of());
    }

    /** Options as one line of words, such as a Maven property ({@code it.serverJvm}); blank adds none. */
    public static List<String> words(String line) {
        return line == null || line.isBlank() ? List.of() : List.of(line.trim().split("\\s+"));
    }

    public PayaraMicroCommand jvm(List<String> options) {
        return new PayaraMicroCommand(microJar, Stream.concat(jvmOptions.stream(), options.stream()).toList(),
                microOptions);
    }

    public PayaraMicroCommand jvm(String... options) {
        return jvm(List.of(options));
    }

    public PayaraMicroCommand systemProperties(Map<String, String> properties) {
        return jvm(
                properties.entrySet().stream().map(entry -> "-D" + entry.getKey() + "=" + entry.getValue()).toList());
    }

    public PayaraMicroCommand micro(List<String> options) {
        return new PayaraMicroCommand(microJar, jvmOptions,
                Stream.concat(microOptions.stream(), options.stream()).toList());
    }

    public PayaraMicroCommand micro(String... options) {
        return micro(List.of(options));
    }

    public PayaraMicroCommand port(int port) {
        return micro("--port", String.valueOf(port));
    }

    public PayaraMicroCommand deploy(Path war) {
        return micro("--deploy", war.toString());
    }

    public List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", microJar.toString(), "--nocluster", "--disablephonehome"));
        command.addAll(microOptions);
        return command;
    }

    /** Starts it in {@code directory}, its console (standard output and error) written to {@code console}. */
    public Process start(Path directory, Path console) throws IOException {
        Process process = new ProcessBuilder(toList()).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return process;
    }
}
