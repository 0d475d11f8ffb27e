package nl.leefbaarheid.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSnapshotsTest {

    record Address(String street, @Personal String houseNumber) {
    }

    record Contact(String role, @Personal String name, @Personal String email, Address address, List<String> areas) {
    }

    final AuditSnapshots snapshots = new AuditSnapshots(new ObjectMapper().findAndRegisterModules());

    final Contact before = new Contact("wijkregisseur", "Jan Jansen", "jan@gemeente.example", new Address("Markt", "12"),
            List.of("BU09990101"));

    @Test
    void personalFieldsAreMaskedAtAnyDepthAndTheRestIsKept() {
        JsonNode masked = snapshots.masked(before);

        assertThat(masked.path("role").asText()).isEqualTo("wijkregisseur");
        assertThat(masked.path("name").asText()).isEqualTo(AuditSnapshots.MASK);
        assertThat(masked.path("email").asText()).isEqualTo(AuditSnapshots.MASK);
        assertThat(masked.path("address").path("street").asText()).isEqualTo("Markt");
        assertThat(masked.path("address").path("houseNumber").asText()).isEqualTo(AuditSnapshots.MASK);
        assertThat(masked.toString()).doesNotContain("Jan Jansen", "jan@gemeente.example", "12");
    }

    @Test
    void anUnsetPersonalFieldStaysUnset() {
        JsonNode masked = snapshots.masked(new Contact("wijkregisseur", null, null, null, List.of()));

        assertThat(masked.path("name").isNull()).isTrue();
        assertThat(masked.path("email").isNull()).isTrue();
    }

    @Test
    void aChangeOfAPersonalFieldIsNamedButItsValuesAreNotKept() {
        Contact after = new Contact("wijkregisseur", "Jan Jansen", "j.jansen@gemeente.example", new Address("Markt", "14"),
                List.of("BU09990101"));

        assertThat(snapshots.changes(before, after)).containsExactly("address.houseNumber", "email");
        assertThat(snapshots.masked(after)).isEqualTo(snapshots.masked(before));
    }

    @Test
    void anArrayThatDiffersIsOneChange() {
        Contact after = new Contact("wijkregisseur", "Jan Jansen", "jan@gemeente.example", new Address("Markt", "12"),
                List.of("BU09990101", "BU09990102"));

        assertThat(snapshots.changes(before, after)).containsExactly("areas");
    }

    @Test
    void aCreationChangesEveryFieldThatIsSetAndADeletionEveryFieldThatWas() {
        Contact created = new Contact("wijkregisseur", null, "jan@gemeente.example", null, List.of());

        assertThat(snapshots.changes(null, created)).containsExactly("areas", "email", "role");
        assertThat(snapshots.changes(created, null)).containsExactly("areas", "email", "role");
        assertThat(snapshots.masked(null)).isNull();
    }

    @Test
    void aSnapshotMasksBothStatesAndNamesTheChangesOfThePlainOnes() {
        Contact after = new Contact("wijkregisseur", "Jan Jansen", "j.jansen@gemeente.example", new Address("Markt", "12"),
                List.of("BU09990101"));

        AuditSnapshots.Snapshot snapshot = snapshots.of(before, after);

        assertThat(snapshot.changes()).containsExactly("email");
        assertThat(snapshot.before()).isEqualTo(snapshots.masked(before));
        assertThat(snapshot.after().toString()).doesNotContain("j.jansen");
    }

    @Test
    void aSnapshotOfStatesWithoutPersonalDataNamesTheirChanges() {
        AuditSnapshots.Snapshot snapshot = snapshots.of(new Address("Markt", null), new Address("Plein", null));

        assertThat(snapshot.changes()).containsExactly("street");
        assertThat(snapshot.after().path("street").asText()).isEqualTo("Plein");
        assertThat(snapshots.of(null, new Address("Plein", null)).changes()).containsExactly("street");
        assertThat(snapshots.of(null, new Address("Plein", null)).before()).isNull();
    }

    @Test
    void theSameStateChangesNothing() {
        assertThat(snapshots.changes(before, new Contact("wijkregisseur", "Jan Jansen", "jan@gemeente.example",
                new Address("Markt", "12"), List.of("BU09990101")))).isEmpty();
    }
}
