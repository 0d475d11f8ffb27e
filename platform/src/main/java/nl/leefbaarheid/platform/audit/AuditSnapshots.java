package nl.leefbaarheid.platform.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of a record as the audit trail keeps it, and what changed between two states. A state is any object Jackson
 * writes (an API record, say); its {@link Personal} fields are written as {@value #MASK}, at any depth, while the changes
 * are found on the states as they were: a changed e-mail address shows as a change of {@code email}, not its values.
 */
public final class AuditSnapshots {

    /** What the trail shows instead of personal data. */
    public static final String MASK = "***";

    private final ObjectMapper plain;
    private final ObjectMapper masking;

    public AuditSnapshots(ObjectMapper json) {
        this.plain = json;
        this.masking = json.copy().registerModule(new SimpleModule("audit-masking").setSerializerModifier(new MaskPersonal()));
    }

    /** What the trail keeps of a change: the states before and after, personal data masked, and the fields that changed. */
    public record Snapshot(JsonNode before, JsonNode after, List<String> changes) {
    }

    /**
     * The snapshot of a change. The states are written once each, masked; only when a state had personal data to mask is it
     * written again as it is, for the changes (a batch of 10,000 measurements, which have none, is written half as often).
     */
    public Snapshot of(Object before, Object after) {
        Masked was = mask(before);
        Masked is = mask(after);
        JsonNode plainBefore = was.personal() ? tree(before) : orMissing(was.tree());
        JsonNode plainAfter = is.personal() ? tree(after) : orMissing(is.tree());
        return new Snapshot(was.tree(), is.tree(), changes(plainBefore, plainAfter));
    }

    /** The state with its personal data masked; null for none (before a creation, after a deletion). */
    public JsonNode masked(Object state) {
        return mask(state).tree();
    }

    /** A masked state, and whether it held personal data (that the mask hides). */
    private record Masked(JsonNode tree, boolean personal) {
    }

    private Masked mask(Object state) {
        if (state == null) {
            return new Masked(null, false);
        }
        int[] masked = MASKED_FIELDS.get();
        int before = masked[0];
        JsonNode tree = masking.valueToTree(state);
        return new Masked(tree, masked[0] != before);
    }

    private static JsonNode orMissing(JsonNode tree) {
        return tree == null ? MissingNode.getInstance() : tree;
    }

    /**
     * The fields whose values differ, by their paths ({@code value}, {@code address.street}); an array that differs is one
     * change, named by its path. With no state before, every field the state after has; with none after, every field
     * before had.
     */
    public List<String> changes(Object before, Object after) {
        return changes(tree(before), tree(after));
    }

    private static List<String> changes(JsonNode before, JsonNode after) {
        Set<String> paths = new TreeSet<>();
        collect("", before, after, paths);
        return List.copyOf(paths);
    }

    private JsonNode tree(Object state) {
        return state == null ? MissingNode.getInstance() : plain.valueToTree(state);
    }

    private static void collect(String path, JsonNode before, JsonNode after, Set<String> paths) {
        if (before.equals(after)) {
            return;
        }
        boolean objects = (before.isObject() || before.isMissingNode()) && (after.isObject() || after.isMissingNode());
        if (!objects) {
            paths.add(path.isEmpty() ? "state" : path);
            return;
        }
        Set<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode was = before.path(name);
            JsonNode is = after.path(name);
            // a field left out and a field set to null mean the same: not set
            if (!(absent(was) && absent(is))) {
                collect(path.isEmpty() ? name : path + "." + name, was, is, paths);
            }
        }
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    /** How many values this thread has masked so far: a state written masked held personal data when it grew. */
    private static final ThreadLocal<int[]> MASKED_FIELDS = ThreadLocal.withInitial(() -> new int[1]);

    /** Writes every property marked {@link Personal} as the mask (a null stays null: "not set" is no personal data). */
    private static final class MaskPersonal extends BeanSerializerModifier {

        private static final StdSerializer<Object> MASKED = new StdSerializer<>(Object.class) {
            @Override
            public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                MASKED_FIELDS.get()[0]++;
                generator.writeString(MASK);
            }
        };

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                List<BeanPropertyWriter> properties) {
            for (BeanPropertyWriter property : properties) {
                if (property.getAnnotation(Personal.class) != null) {
                    property.assignSerializer(MASKED);
                }
            }
            return properties;
        }
    }
}
