package nl.leefbaarheid.neighbourhood.domain;

/**
 * One area of a registry import, as read from a file or a JSON body.
 *
 * @param at               where it was read, for errors: {@code line 7} or {@code areas[3]}
 * @param corporationHomes the homes owned by housing corporations; null where the input does not say (what is
 *                         registered stays)
 */
public record RegistryRow(String at, String code, AreaLevel level, String name, Integer households, Integer homes,
        Integer corporationHomes) {
}
