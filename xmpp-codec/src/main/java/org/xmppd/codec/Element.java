package org.xmppd.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable XML element: name, namespace, attributes and children.
 *
 * <p>Attribute keys are local names; the {@code xml:} prefix is kept as is ({@code xml:lang}),
 * and attributes in any other namespace use the key {@code {namespace}local}. Changes return new
 * instances ({@link #withAttribute}, {@link #toBuilder}).
 */
public final class Element implements Node {
    private final String name;
    private final String namespace;
    private final Map<String, String> attributes;
    private final List<Node> children;
    private int hash;
    /** This element as last written inside a parent, kept by {@link XmlWriter}; see there. */
    private XmlWriter.Written written;

    private Element(String name, String namespace, Map<String, String> attributes, List<Node> children) {
        this.name = Objects.requireNonNull(name, "name");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.attributes = attributes;
        this.children = children;
    }

    public static Builder builder(String name, String namespace) {
        return new Builder(name, namespace);
    }

    /** An element with no attributes and no children. */
    public static Element of(String name, String namespace) {
        return new Element(name, namespace, Map.of(), List.of());
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public boolean is(String name, String namespace) {
        return this.name.equals(name) && this.namespace.equals(namespace);
    }

    /** Attributes in document order. */
    public Map<String, String> attributes() {
        return attributes;
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    public String attributeOrNull(String key) {
        return attributes.get(key);
    }

    public List<Node> children() {
        return children;
    }

    /** The child elements, skipping character data. */
    public List<Element> elements() {
        List<Element> result = new ArrayList<>(children.size());
        for (Node node : children) {
            if (node instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }

    public Optional<Element> child(String name, String namespace) {
        return Optional.ofNullable(childOrNull(name, namespace));
    }

    public Element childOrNull(String name, String namespace) {
        for (Node node : children) {
            if (node instanceof Element element && element.is(name, namespace)) {
                return element;
            }
        }
        return null;
    }

    /** The first child in the given namespace, whatever its name. */
    public Optional<Element> childIn(String namespace) {
        for (Node node : children) {
            if (node instanceof Element element && element.namespace.equals(namespace)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    public Optional<Element> firstElement() {
        for (Node node : children) {
            if (node instanceof Element element) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    /** The concatenated character data of the direct children. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Node node : children) {
            if (node instanceof Text t) {
                text.append(t.value());
            }
        }
        return text.toString();
    }

    /** The text of the named child, if that child exists. */
    public Optional<String> childText(String name, String namespace) {
        return child(name, namespace).map(Element::text);
    }

    /** A copy with the attribute set, or removed when {@code value} is null. */
    public Element withAttribute(String key, String value) {
        if (Objects.equals(attributes.get(key), value)) {
            return this;
        }
        return toBuilder().attribute(key, value).build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name, namespace);
        builder.attributes.putAll(attributes);
        builder.children.addAll(children);
        return builder;
    }

    /** Serializes this element with its namespace declared. */
    public String toXml() {
        return XmlWriter.toXml(this);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Element that
                && name.equals(that.name)
                && namespace.equals(that.namespace)
                && attributes.equals(that.attributes)
                && children.equals(that.children);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(name, namespace, attributes, children);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return toXml();
    }

    XmlWriter.Written written() {
        return written;
    }

    void written(XmlWriter.Written xml) {
        written = xml;
    }

    /** Collects attributes and children; {@link #build()} freezes them. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Node> children = new ArrayList<>();

        private Builder(String name, String namespace) {
            this.name = Objects.requireNonNull(name, "name");
            this.namespace = Objects.requireNonNull(namespace, "namespace");
        }

        /** Sets an attribute; a null value removes it. */
        public Builder attribute(String key, String value) {
            if (value == null) {
                attributes.remove(key);
            } else {
                attributes.put(key, value);
            }
            return this;
        }

        public Builder child(Node child) {
            children.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        public Builder children(List<? extends Node> nodes) {
            nodes.forEach(this::child);
            return this;
        }

        /** Adds character data; empty text adds nothing. */
        public Builder text(String text) {
            if (text != null && !text.isEmpty()) {
                children.add(new Text(text));
            }
            return this;
        }

        /** Adds a child element holding only text: {@code <name>text</name>}. */
        public Builder textChild(String childName, String childNamespace, String text) {
            return child(Element.builder(childName, childNamespace).text(text).build());
        }

        public Builder clearChildren() {
            children.clear();
            return this;
        }

        public Element build() {
            Map<String, String> attrs = attributes.isEmpty()
                    ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            return new Element(name, namespace, attrs, List.copyOf(children));
        }
    }
}
