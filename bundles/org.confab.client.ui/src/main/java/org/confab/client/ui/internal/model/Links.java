package org.confab.client.ui.internal.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links in a message's text. Only {@code http}, {@code https} and {@code mailto} count: anything
 * else a peer writes ({@code file:}, {@code javascript:}, a custom scheme that starts a program) stays
 * plain text, because a click hands the link to the desktop.
 */
public final class Links {
    /** One link: where it is in the text and what it opens. */
    public record Link(int start, int length, String target) {
        public boolean contains(int offset) {
            return offset >= start && offset < start + length;
        }
    }

    /** A scheme we open, then everything up to white space or a character that rarely ends a link. */
    private static final Pattern CANDIDATE = Pattern.compile("(?i)\\b(?:https?://|mailto:)[^\\s<>\"]+");
    /** Punctuation that ends a sentence more often than a link. */
    private static final String TRAILING = ".,;:!?'\u2019\u201D";

    private Links() {
    }

    public static List<Link> find(String text) {
        List<Link> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String target = trim(matcher.group());
            if (opensSafely(target)) {
                links.add(new Link(matcher.start(), target.length(), target));
            }
        }
        return links;
    }

    /** The link at an offset of the text, if there is one. */
    public static Optional<Link> at(String text, int offset) {
        return find(text).stream().filter(link -> link.contains(offset)).findFirst();
    }

    /** Whether a target may be handed to the desktop: a well-formed http(s) URL with a host, or a mailto. */
    public static boolean opensSafely(String target) {
        try {
            URI uri = new URI(target);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return switch (scheme) {
                case "http", "https" -> uri.getHost() != null && !uri.getHost().isEmpty();
                case "mailto" -> uri.getSchemeSpecificPart() != null && uri.getSchemeSpecificPart().contains("@");
                default -> false;
            };
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Drops sentence punctuation and an unbalanced closing parenthesis from the end. */
    private static String trim(String candidate) {
        String link = candidate;
        boolean changed = true;
        while (changed && !link.isEmpty()) {
            changed = false;
            char last = link.charAt(link.length() - 1);
            if (TRAILING.indexOf(last) >= 0
                    || last == ')' && count(link, '(') < count(link, ')')) {
                link = link.substring(0, link.length() - 1);
                changed = true;
            }
        }
        return link;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
