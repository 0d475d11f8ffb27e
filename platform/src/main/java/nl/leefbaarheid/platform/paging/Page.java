package nl.leefbaarheid.platform.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list answer, with what a client needs to fetch the next. */
public record Page<T>(
        @Schema(description = "The items of this page.") List<T> items,
        @Schema(description = "Zero-based page number.", example = "0") int page,
        @Schema(description = "Requested page size.", example = "20") int size,
        @Schema(description = "Items over all pages.", example = "42") long totalItems,
        @Schema(description = "Number of pages.", example = "3") int totalPages) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapping) {
        query.page(io.quarkus.panache.common.Page.of(request.page, request.size));
        long total = query.count();
        return of(query.list().stream().map(mapping).toList(), total, request);
    }

    /** The page of these items, of {@code totalItems} in all (for lists read past the ORM). */
    public static <T> Page<T> of(List<T> items, long totalItems, PageRequest request) {
        return new Page<>(items, request.page, request.size, totalItems, (int) ((totalItems + request.size - 1) / request.size));
    }
}
