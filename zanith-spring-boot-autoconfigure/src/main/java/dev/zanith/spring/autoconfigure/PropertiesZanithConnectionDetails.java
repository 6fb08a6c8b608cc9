package dev.zanith.spring.autoconfigure;

/** {@link ZanithConnectionDetails} from {@code zanith.url}, {@code zanith.user} and {@code zanith.password}. */
final class PropertiesZanithConnectionDetails implements ZanithConnectionDetails {

    private final ZanithProperties properties;

    PropertiesZanithConnectionDetails(ZanithProperties properties) {
        this.properties = properties;
    }

    @Override
    public String getJdbcUrl() {
        return properties.getUrl();
    }

    @Override
    public String getUsername() {
        return properties.getUser();
    }

    @Override
    public String getPassword() {
        return properties.getPassword();
    }
}
