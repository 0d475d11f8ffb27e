package nl.leefbaarheid.neighbourhood.geo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;

/**
 * A GeoJSON FeatureCollection of area boundaries (the CBS "wijk- en buurtkaart"), read one feature at a time, so a
 * national file never sits in memory whole. A feature's CBS code is the first of its properties {@code buurtcode},
 * {@code wijkcode}, {@code gemeentecode} (the CBS files of neighbourhoods also name their district and municipality),
 * {@code statcode} (older files) and {@code code}; the others given must contain it. A {@code crs} member before the features names their coordinate
 * system; without one, each feature's coordinates show theirs.
 */
public final class BoundaryFile implements Closeable {

    static final List<String> CODE_PROPERTIES = List.of("buurtcode", "wijkcode", "gemeentecode", "statcode", "code");

    /**
     * A feature as read: its place in the file (from 0), its code (null when it has none) and its geometry, or why it
     * cannot be imported whatever its geometry.
     */
    public record Feature(int index, String code, JsonNode geometry, String refused) {
    }

    /** The file is no FeatureCollection, or names a coordinate system other than RD New or WGS84. */
    public static final class NotAFeatureCollection extends Exception {
        public NotAFeatureCollection(String reason) {
            super(reason, null, false, false);
        }
    }

    private final JsonParser parser;
    private boolean typed;
    private Crs declared;
    private int index;
    private boolean done;

    /** Reads up to the first feature; the caller closes the file. */
    public BoundaryFile(Reader in, ObjectMapper json) throws IOException, NotAFeatureCollection {
        parser = json.getFactory().createParser(in);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new NotAFeatureCollection("the body must be a GeoJSON FeatureCollection (a JSON object)");
        }
        while (true) {
            if (parser.nextToken() != JsonToken.FIELD_NAME) {
                throw new NotAFeatureCollection("the FeatureCollection has no features");
            }
            if (member(parser.currentName())) {
                return;
            }
        }
    }

    /** The coordinate system the file names before its features, or null. */
    public Crs declared() {
        return declared;
    }

    /** The next feature, or null after the last. */
    public Feature next() throws IOException, NotAFeatureCollection {
        if (done) {
            return null;
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            done = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                member(parser.currentName()); // the members after the features: a type that must still be right
            }
            if (!typed) {
                throw new NotAFeatureCollection("type FeatureCollection is missing");
            }
            return null;
        }
        JsonNode feature = parser.readValueAsTree();
        int at = index++;
        if (!"Feature".equals(feature.path("type").asText(null))) {
            return new Feature(at, null, null, "not a GeoJSON Feature (type must be Feature)");
        }
        return code(at, feature.path("properties"), feature.path("geometry"));
    }

    /**
     * The feature's code: the most detailed of its code properties. Each one given must be a CBS code of its level and
     * contain the feature's area (a neighbourhood's wijkcode its district), so a wrong one is refused, never passed over.
     */
    static Feature code(int index, JsonNode properties, JsonNode geometry) {
        String code = null;
        for (String name : CODE_PROPERTIES) {
            JsonNode value = properties.path(name);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            String text = value.isTextual() ? value.asText().strip() : null;
            AreaLevel level = AreaLevel.ofCode(text).orElse(null);
            boolean fits = level != null && switch (name) {
                case "buurtcode" -> level == AreaLevel.NEIGHBOURHOOD;
                case "wijkcode" -> level == AreaLevel.DISTRICT;
                case "gemeentecode" -> level == AreaLevel.MUNICIPALITY;
                default -> true;
            };
            if (!fits) {
                return new Feature(index, code, geometry, name + " " + value + " is not a CBS " + switch (name) {
                    case "buurtcode" -> "neighbourhood code such as BU09990101";
                    case "wijkcode" -> "district code such as WK099901";
                    case "gemeentecode" -> "municipality code such as GM0999";
                    default -> "area code";
                });
            }
            if (code == null) {
                code = text;
            } else if (!code.equals(text) && !(text.length() < code.length() && AreaLevel.contains(text, code))) {
                return new Feature(index, code, geometry, name + " " + text + " does not contain " + code);
            }
        }
        return new Feature(index, code, geometry, code == null ? "missing code: none of the properties " + String.join(", ", CODE_PROPERTIES) : null);
    }

    /** Reads a member of the collection; true when it is the features, the parser then on their first. */
    private boolean member(String name) throws IOException, NotAFeatureCollection {
        JsonToken value = parser.nextToken();
        switch (name) {
            case "type" -> {
                if (!"FeatureCollection".equals(parser.getValueAsString())) {
                    throw new NotAFeatureCollection("type must be FeatureCollection, is " + parser.getText());
                }
                typed = true;
            }
            case "crs" -> {
                JsonNode crs = parser.readValueAsTree();
                String crsName = crs.path("properties").path("name").isTextual() ? crs.path("properties").path("name").asText() : null;
                declared = Crs.named(crsName);
                if (declared == null) {
                    throw new NotAFeatureCollection("crs " + crsName + " is neither RD New (EPSG:28992) nor WGS84 (EPSG:4326, CRS84)");
                }
            }
            case "features" -> {
                if (value != JsonToken.START_ARRAY) {
                    throw new NotAFeatureCollection("features must be an array");
                }
                return true;
            }
            default -> parser.skipChildren();
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
