package nl.leefbaarheid.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class WorkshopRulesTest {

    @Test
    void thePriorityListRanksBySeverityTimesVotesWithItsReasons() {
        List<PriorityList.Ranked> ranked = PriorityList.of(List.of(
                new PriorityList.Pin(1, 2, Map.of()),
                new PriorityList.Pin(2, 4, Map.of("politie", 3, "huurders", 3, "gemeente", 1)),
                new PriorityList.Pin(3, 3, Map.of("huurders", 2)),
                new PriorityList.Pin(4, 1, Map.of("welzijn", 6, "gemeente", 0))));
        assertThat(ranked).extracting(PriorityList.Ranked::pin).containsExactly(2L, 3L, 4L, 1L);
        assertThat(ranked).extracting(PriorityList.Ranked::score).containsExactly(28, 6, 6, 2);
        assertThat(ranked).extracting(PriorityList.Ranked::rank).containsExactly(1, 2, 3, 4);
        assertThat(ranked.get(0).voters()).isEqualTo(3);
        assertThat(ranked.get(0).reasons()).containsExactly("severity 4 of 5",
                "7 votes from 3 participants (huurders 3, politie 3, gemeente 1)", "score 28 = severity x votes");
        // a zero vote is no voter; a tie goes to the more severe pin
        assertThat(ranked.get(2).voters()).isEqualTo(1);
        assertThat(ranked.get(2).reasons()).contains("tied on score with the pin above it, which is more severe");
        assertThat(ranked.get(3).reasons()).contains("no votes yet: its severity counts once");
    }

    @Test
    void equalPinsKeepTheOrderTheyWerePinnedIn() {
        assertThat(PriorityList.of(List.of(new PriorityList.Pin(9, 3, Map.of("a", 1)), new PriorityList.Pin(5, 3, Map.of("b", 1)))))
                .extracting(PriorityList.Ranked::pin).containsExactly(5L, 9L);
        assertThat(PriorityList.of(List.of())).isEmpty();
    }

    @Test
    void aWorkshopOpensOnceAndClosesOnce() {
        assertThat(WorkshopState.PLANNED.open()).isEqualTo(WorkshopState.OPEN);
        assertThat(WorkshopState.OPEN.close()).isEqualTo(WorkshopState.CLOSED);
        for (WorkshopState notPlanned : List.of(WorkshopState.OPEN, WorkshopState.CLOSED)) {
            assertThatThrownBy(notPlanned::open).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        }
        for (WorkshopState notOpen : List.of(WorkshopState.PLANNED, WorkshopState.CLOSED)) {
            assertThatThrownBy(notOpen::close).isInstanceOf(ProblemException.class);
            assertThatThrownBy(() -> notOpen.requireSession("Pins are added")).hasMessageContaining("only while the workshop is open");
        }
        WorkshopState.OPEN.requireSession("Votes are cast");
        WorkshopState.CLOSED.requireHeld("Actions are added");
        assertThatThrownBy(() -> WorkshopState.PLANNED.requireHeld("Actions are added")).hasMessageContaining("still planned");
    }

    @Test
    void doneAndDroppedAreFinalAndOnlyUnfinishedActionsAreOverdue() {
        assertThat(ActionStatus.OPEN.to(ActionStatus.IN_PROGRESS)).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(ActionStatus.IN_PROGRESS.to(ActionStatus.OPEN)).isEqualTo(ActionStatus.OPEN);
        assertThat(ActionStatus.DONE.to(ActionStatus.DONE)).isEqualTo(ActionStatus.DONE);
        assertThatThrownBy(() -> ActionStatus.DONE.to(ActionStatus.OPEN)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ActionStatus.DROPPED.to(ActionStatus.IN_PROGRESS)).isInstanceOf(ProblemException.class);
        LocalDate today = LocalDate.of(2026, 6, 2);
        assertThat(ActionStatus.OPEN.overdue(LocalDate.of(2026, 6, 1), today)).isTrue();
        assertThat(ActionStatus.IN_PROGRESS.overdue(LocalDate.of(2026, 6, 1), today)).isTrue();
        assertThat(ActionStatus.OPEN.overdue(today, today)).isFalse();
        assertThat(ActionStatus.DONE.overdue(LocalDate.of(2026, 1, 1), today)).isFalse();
        assertThat(ActionStatus.of("in-progress")).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(ActionStatus.IN_PROGRESS.value()).matches(ActionStatus.PATTERN);
    }
}
