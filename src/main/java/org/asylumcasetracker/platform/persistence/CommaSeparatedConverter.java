package org.asylumcasetracker.platform.persistence;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores a short collection as one comma-separated text column, empty text when there is nothing. Each
 * attribute names its element type in a small subclass, because JPA creates converters by class.
 *
 * @param <C> the attribute's collection type
 * @param <E> its element type, whose text form holds no comma
 */
public abstract class CommaSeparatedConverter<C extends Collection<E>, E> implements AttributeConverter<C, String> {

    private final Function<E, String> format;
    private final Function<String, E> parse;
    private final Function<List<E>, C> collect;

    /**
     * @param collect builds the attribute from the elements; it also fixes the order in which they are
     *                written, so that equal collections give equal columns
     */
    protected CommaSeparatedConverter(
            Function<E, String> format, Function<String, E> parse, Function<List<E>, C> collect) {
        this.format = format;
        this.parse = parse;
        this.collect = collect;
    }

    @Override
    public String convertToDatabaseColumn(C elements) {
        if (elements == null || elements.isEmpty()) {
            return "";
        }
        return collect.apply(List.copyOf(elements)).stream().map(format).collect(Collectors.joining(","));
    }

    @Override
    public C convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return collect.apply(List.of());
        }
        return collect.apply(Arrays.stream(column.split(",")).map(parse).toList());
    }

    /** A set of enum constants, stored by name in declaration order. */
    public abstract static class OfEnums<E extends Enum<E>> extends CommaSeparatedConverter<Set<E>, E> {

        protected OfEnums(Class<E> type) {
            super(
                    Enum::name,
                    name -> Enum.valueOf(type, name),
                    elements -> elements.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(elements));
        }
    }
}
