package nl.leefbaarheid.neighbourhood.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.leefbaarheid.neighbourhood.api.AreaChange;
import nl.leefbaarheid.neighbourhood.api.AreaView;
import nl.leefbaarheid.neighbourhood.api.NewArea;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.ImportProgress;
import nl.leefbaarheid.neighbourhood.entity.Area;
import nl.leefbaarheid.neighbourhood.event.AreaRegistered;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.problem.ProblemException;

@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class AreaService {

    @Inject
    Outbox outbox;

    @Inject
    StatusService statuses;

    public Page<AreaView> list(AreaLevel level, String parentCode, Integer year, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (level != null) {
            where.append(" and level = :level");
            params.and("level", level);
        }
        if (parentCode != null) {
            where.append(" and parentCode = :parent");
            params.and("parent", parentCode);
        }
        if (year != null) {
            where.append(" and year = :year");
            params.and("year", year);
        }
        return Page.of(Area.find(where + " order by code, year", params), page, AreaView::of);
    }

    /** An area's view and the version of its row (its ETag). */
    public record Versioned(AreaView area, long version) {
        static Versioned of(Area area) {
            return new Versioned(AreaView.of(area), area.version);
        }
    }

    public Versioned get(String code, Integer year) {
        return Versioned.of(find(code, year));
    }

    private static Area find(String code, Integer year) {
        return Area.findByCode(code, year).orElseThrow(() -> ProblemException.notFound("area", year == null ? code : code + " in " + year));
    }

    /**
     * Changes the name, households and homes of an area in a year, if its version is still {@code expectedVersion} (null:
     * any). {@code replace} (PUT) sets all three, a missing name refused; otherwise (PATCH) those given. A change raises
     * the version and is published on {@code neighbourhood.areas.v1}; the same values again change nothing. A change of
     * households recalculates the statuses they weigh in ({@link StatusService#householdsChanged}).
     */
    @Transactional(TxType.REQUIRED)
    public Versioned change(String code, int year, AreaChange change, Long expectedVersion, boolean replace) {
        if (replace && change.name() == null) {
            throw ProblemException.invalid("name", "is required");
        }
        Area area = find(code, year);
        if (expectedVersion != null && expectedVersion != area.version) {
            throw ProblemException.preconditionFailed("Area " + code + " in " + year + " was changed since you read it (ETag \""
                    + area.version + "\"); read it again and repeat your change.");
        }
        String name = change.name() != null ? change.name().strip() : area.name;
        Integer households = replace || change.households() != null ? change.households() : area.households;
        Integer homes = replace || change.homes() != null ? change.homes() : area.homes;
        if (homes != null && area.corporationHomes != null && homes < area.corporationHomes) {
            throw ProblemException.invalid("homes", homes + " is fewer than the " + area.corporationHomes + " corporation homes of " + code);
        }
        if (name.equals(area.name) && Objects.equals(households, area.households) && Objects.equals(homes, area.homes)) {
            return Versioned.of(area);
        }
        boolean householdsChanged = !Objects.equals(households, area.households);
        area.name = name;
        area.households = households;
        area.homes = homes;
        area.version++;
        AreaRegistered registered = AreaRegistered.of(area);
        outbox.add(AreaRegistered.TOPIC, registered.key(), AreaRegistered.TYPE, registered.key(), registered);
        if (householdsChanged) {
            statuses.householdsChanged(List.of(code), year, "Households of " + code + " in " + year + " changed", new ImportProgress(0));
        }
        return Versioned.of(area);
    }

    @Transactional(TxType.REQUIRED)
    public AreaView create(NewArea request) {
        AreaLevel level = AreaLevel.ofCode(request.code()).orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        if (level == AreaLevel.MUNICIPALITY && request.parentCode() != null) {
            errors.add(new FieldError("parentCode", "a municipality has no parent area"));
        }
        if (level != AreaLevel.MUNICIPALITY) {
            AreaLevel parentLevel = level.parent().orElseThrow();
            if (request.parentCode() == null) {
                errors.add(new FieldError("parentCode", "is required for a " + level.name().toLowerCase()));
            } else if (AreaLevel.ofCode(request.parentCode()).orElse(null) != parentLevel
                    || !AreaLevel.contains(request.parentCode(), request.code())) {
                errors.add(new FieldError("parentCode", "must be the " + parentLevel.name().toLowerCase() + " that contains " + request.code()));
            } else if (Area.findByCode(request.parentCode(), request.year()).isEmpty()) {
                errors.add(new FieldError("parentCode", "no " + parentLevel.name().toLowerCase() + " " + request.parentCode() + " in " + request.year()));
            }
        }
        if (request.homes() != null && request.corporationHomes() != null && request.corporationHomes() > request.homes()) {
            errors.add(new FieldError("corporationHomes", "cannot exceed homes"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The area is not consistent.", errors);
        }
        if (Area.findByCode(request.code(), request.year()).isPresent()) {
            throw ProblemException.conflict("Area " + request.code() + " already exists for " + request.year() + ".");
        }
        Area area = new Area();
        area.code = request.code();
        area.year = request.year();
        area.level = level;
        area.name = request.name().strip();
        area.parentCode = request.parentCode();
        area.households = request.households();
        area.homes = request.homes();
        area.corporationHomes = request.corporationHomes();
        area.persist();
        // in the same transaction: producers of measurements learn of the area exactly when it exists
        AreaRegistered registered = AreaRegistered.of(area);
        outbox.add(AreaRegistered.TOPIC, registered.key(), AreaRegistered.TYPE, registered.key(), registered);
        return AreaView.of(area);
    }
}
