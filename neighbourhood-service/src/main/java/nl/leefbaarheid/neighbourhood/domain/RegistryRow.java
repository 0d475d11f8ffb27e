package nl.leefbaarheid.neighbourhood.domain;

/**
 * One area of a registry import, as read from a file or a JSON body.
 *
 * @param at where it was read, for errors: {@code line 7} or {@code areas[3]}
 */
public record RegistryRow(String at, String code, AreaLevel level, String name, Integer households, Integer homes) {
}
