package io.crmkit.jpa.internal;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One identifier of a customer as a unique natural key: type, issuer and value. */
@Embeddable
class IdentifierKey {
    @Column(name = "id_type", length = 32, nullable = false)
    String type;

    @Column(name = "issuer", length = 64, nullable = false)
    String issuer;

    @Column(name = "id_value", length = 128, nullable = false)
    String value;

    IdentifierKey() {
    }

    IdentifierKey(String type, String issuer, String value) {
        this.type = type;
        this.issuer = issuer;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentifierKey k && type.equals(k.type) && issuer.equals(k.issuer) && value.equals(k.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, issuer, value);
    }

    @Override
    public String toString() {
        return "IdentifierKey[type=" + type + ", issuer=" + issuer + ", value=***]";
    }
}
