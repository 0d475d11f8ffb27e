package nl.leefbaarheid.catalog.rest;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import nl.leefbaarheid.catalog.domain.Coded;
import nl.leefbaarheid.platform.problem.ProblemException;

/**
 * Reads the closed lists of the catalogue from query parameters by their API code ({@code soc},
 * {@code social-approach}), and answers anything else with a 400 that lists what is allowed.
 */
@Provider
public class CodedParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum() || !Coded.class.isAssignableFrom(rawType)) {
            return null;
        }
        Class type = rawType;
        String name = Character.toLowerCase(rawType.getSimpleName().charAt(0)) + rawType.getSimpleName().substring(1);
        return new ParamConverter<T>() {
            @Override
            public T fromString(String value) {
                java.util.Optional<?> parsed = Coded.parse(type, value);
                if (parsed.isEmpty()) {
                    throw ProblemException.invalid(name, "'" + value + "' is not one of: " + Coded.codes(type));
                }
                return (T) parsed.get();
            }

            @Override
            public String toString(T value) {
                return ((Coded) value).code();
            }
        };
    }
}
