package io.newsradar.reference;

/**
 * A first-level subdivision.
 *
 * @param code    ISO 3166-2 code as the story's time knew it ({@code VN-54}, Bắc Giang)
 * @param country ISO 3166-1 alpha-2 code of its country
 * @param current the subdivision that holds it today ({@code VN-56}, Bắc Ninh, since 2025), or {@code code}
 * @param name    its display name
 */
public record Region(String code, String country, String current, String name) {

    /** Whether it was merged into another region and lives on only in older stories. */
    public boolean merged() {
        return !current.equals(code);
    }
}
