package dev.openhands.jiradc.ops.boundary;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Registered on a REST client: its {@code String} parameters (issue keys, tokens, ids) are sent as they are. Without
 * it Jersey's client looks for {@code String.valueOf(String)} and {@code String.fromString(String)} by reflection on
 * every call, and builds and drops an exception for each that does not exist: a fifth of the CPU a call to Jira took.
 */
public final class PlainStringParams implements ParamConverterProvider {

    private static final ParamConverter<String> AS_IS = new ParamConverter<>() {
        @Override
        public String fromString(String value) {
            return value;
        }

        @Override
        public String toString(String value) {
            return value;
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == String.class ? (ParamConverter<T>) AS_IS : null;
    }
}
