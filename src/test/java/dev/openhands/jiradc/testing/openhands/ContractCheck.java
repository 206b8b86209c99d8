package dev.openhands.jiradc.testing.openhands;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A WireMock listener that judges every request the server answers, and the answer it gave, by an API contract,
 * and keeps what it finds until the test asks: {@link #assertConforming()} fails with every violation listed.
 */
public final class ContractCheck implements ServeEventListener {

    private final String name;
    private final ApiContract contract;
    private final Map<String, Integer> violations = new LinkedHashMap<>();
    private final List<Pattern> tolerated = new CopyOnWriteArrayList<>();

    public ContractCheck(String name, ApiContract contract) {
        this.name = name;
        this.contract = contract;
    }

    @Override
    public String getName() {
        return "contract-check";
    }

    /** Before the answer goes out, so that a violation is recorded by the time the client has its answer. */
    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        ApiExchange exchange = exchange(event);
        List<String> found;
        try {
            found = contract.violations(exchange);
        } catch (RuntimeException e) {
            found = List.of("could not be checked: " + e);
        }
        String unmatched = event.getWasMatched() ? "" : " (no stub matched: WireMock's own answer)";
        synchronized (violations) {
            found.stream().map(
                    violation -> exchange.requestLine() + " -> " + exchange.status() + unmatched + ": " + violation)
                    .filter(violation -> tolerated.stream().noneMatch(pattern -> pattern.matcher(violation).matches()))
                    .forEach(violation -> violations.merge(violation, 1, Integer::sum));
        }
    }

    /**
     * A test that plays a server other than the described one (an older OpenHands) says so, for exchanges whose request
     * line matches {@code requestLine} and that are answered {@code status}: those are not counted as violations.
     */
    public void tolerate(String requestLine, int status) {
        tolerated.add(Pattern.compile(requestLine + " -> " + status + ":.*"));
    }

    /** Every violation seen so far, each once, with how often it was seen. */
    public List<String> violations() {
        synchronized (violations) {
            return violations.entrySet().stream()
                    .map(entry -> entry.getKey() + (entry.getValue() > 1 ? " (" + entry.getValue() + " times)" : ""))
                    .toList();
        }
    }

    /** @throws AssertionError listing every request or answer that departed from the contract */
    public void assertConforming() {
        List<String> found = violations();
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " exchange(s) with the " + name + " stand-in depart from " + name
                    + "'s API description:\n  " + String.join("\n  ", found));
        }
    }

    static ApiExchange exchange(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        URI url = URI.create(request.getUrl());
        Map<String, String> headers = new TreeMap<>();
        request.getHeaders().all()
                .forEach(header -> headers.put(header.key().toLowerCase(Locale.ROOT), header.firstValue()));
        LoggedResponse response = event.getResponse();
        String contentType = Optional.ofNullable(response.getHeaders()).map(all -> all.getContentTypeHeader())
                .filter(header -> header.isPresent()).map(header -> header.mimeTypePart().toLowerCase(Locale.ROOT))
                .orElse("");
        return new ApiExchange(request.getMethod().getName(), url.getRawPath(), query(url.getRawQuery()), headers,
                Optional.ofNullable(request.getBodyAsString()).orElse(""),
                event.getResponseDefinition().getFault() != null ? ApiExchange.NO_ANSWER : response.getStatus(),
                contentType,
                Optional.ofNullable(response.getBodyAsString()).orElse(""));
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.computeIfAbsent(decode(parts[0]), key -> new ArrayList<>())
                        .add(parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
