/**
 * Field encryption for the JPA store: which fields are sensitive ({@link io.crmkit.jpa.crypto.SensitiveFields}),
 * where the keys come from ({@link io.crmkit.jpa.crypto.KeyProvider}, with
 * {@link io.crmkit.jpa.crypto.LocalKeyring} for tests and development), the switch that turns it on
 * ({@link io.crmkit.jpa.crypto.FieldEncryption}) and the background re-encryption after a key
 * rotation ({@link io.crmkit.jpa.crypto.KeyRotation}).
 */
@NullMarked
package io.crmkit.jpa.crypto;

import org.jspecify.annotations.NullMarked;
