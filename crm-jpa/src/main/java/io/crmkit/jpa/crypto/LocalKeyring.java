package io.crmkit.jpa.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;

/**
 * A {@link KeyProvider} that keeps its keys in memory: for tests, development and hosts that hold
 * the key material themselves (loaded from a secret store with {@link #parse(String)}). Production
 * hosts with a KMS or HSM implement {@link KeyProvider} instead.
 *
 * <p>Rotation: {@link #rotate(String)} adds a fresh random key and makes it primary; the old keys
 * still decrypt. Once {@link KeyRotation#remaining()} is 0, {@link #retire(String)} removes an old key.
 *
 * <p>Thread-safe: every change publishes a new immutable snapshot. {@link #toString()} shows key
 * ids only; {@link #export()} is the one method that returns key material.
 */
public final class LocalKeyring implements KeyProvider {
    private static final SecureRandom RANDOM = new SecureRandom();

    private record State(String primary, Map<String, DataKey> keys, Map<String, String> raw) {
    }

    private volatile State state;

    private LocalKeyring(State state) {
        this.state = state;
    }

    /** A keyring with one fresh random key, primary. */
    public static LocalKeyring generate(String keyId) {
        LocalKeyring ring = new LocalKeyring(new State(DataKey.checkId(keyId), Map.of(), Map.of()));
        ring.add(keyId, true);
        return ring;
    }

    /**
     * A keyring from the text {@link #export()} wrote: {@code primary=<id>} then one
     * {@code <id>=<base64 of 64 bytes>} per line.
     *
     * @throws ValidationException naming the line when the text is malformed (never quoting key material)
     */
    public static LocalKeyring parse(String text) {
        Check.notNull(text, "keyring");
        String primary = null;
        Map<String, DataKey> keys = new LinkedHashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        String[] lines = text.split("\n", 1_001);
        if (lines.length > 1_000) {
            throw ValidationException.of("keyring", "Size", "at most 1000 lines");
        }
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw ValidationException.of("keyring.line[" + (n + 1) + "]", "Format", "must be id=value");
            }
            String name = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (name.equals("primary")) {
                primary = DataKey.checkId(value);
                continue;
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("keyring.line[" + (n + 1) + "]", "Base64", "key material must be base64");
            }
            if (bytes.length != 2 * DataKey.KEY_BYTES) {
                throw ValidationException.of("keyring.line[" + (n + 1) + "]", "Size", "key material must be 64 bytes");
            }
            keys.put(name, toKey(name, bytes));
            raw.put(name, value);
        }
        if (primary == null || !keys.containsKey(primary)) {
            throw ValidationException.of("keyring.primary", "Present", "must name one of the keys");
        }
        return new LocalKeyring(new State(primary, Map.copyOf(keys), Map.copyOf(raw)));
    }

    private static DataKey toKey(String id, byte[] bytes) {
        byte[] aead = java.util.Arrays.copyOfRange(bytes, 0, DataKey.KEY_BYTES);
        byte[] index = java.util.Arrays.copyOfRange(bytes, DataKey.KEY_BYTES, 2 * DataKey.KEY_BYTES);
        return DataKey.ofBytes(id, aead, index);
    }

    /**
     * Adds a fresh random key under {@code newKeyId} and makes it primary: new writes use it, the
     * old keys still decrypt. Run {@link KeyRotation} afterwards to re-encrypt the stored rows.
     *
     * @throws ValidationException if the id is malformed or already used
     */
    public synchronized void rotate(String newKeyId) {
        add(newKeyId, true);
    }

    private synchronized void add(String keyId, boolean primary) {
        DataKey.checkId(keyId);
        State s = state;
        if (s.keys.containsKey(keyId)) {
            throw ValidationException.of("keyId", "Unique", "a key with this id exists; ids are never reused");
        }
        byte[] bytes = new byte[2 * DataKey.KEY_BYTES];
        RANDOM.nextBytes(bytes);
        Map<String, DataKey> keys = new LinkedHashMap<>(s.keys);
        keys.put(keyId, toKey(keyId, bytes));
        Map<String, String> raw = new LinkedHashMap<>(s.raw);
        raw.put(keyId, Base64.getEncoder().encodeToString(bytes));
        java.util.Arrays.fill(bytes, (byte) 0);
        state = new State(primary ? keyId : s.primary, Collections.unmodifiableMap(keys), Collections.unmodifiableMap(raw));
    }

    /**
     * Removes an old key. Only do this once {@link KeyRotation#remaining()} is 0: values still
     * under it could not be read any more.
     *
     * @throws ValidationException if the key is the primary one or unknown
     */
    public synchronized void retire(String keyId) {
        State s = state;
        if (!s.keys.containsKey(keyId)) {
            throw ValidationException.of("keyId", "Known", "no key with this id");
        }
        if (s.primary.equals(keyId)) {
            throw ValidationException.of("keyId", "NotPrimary", "the primary key cannot be retired; rotate first");
        }
        Map<String, DataKey> keys = new LinkedHashMap<>(s.keys);
        keys.remove(keyId);
        Map<String, String> raw = new LinkedHashMap<>(s.raw);
        raw.remove(keyId);
        state = new State(s.primary, Collections.unmodifiableMap(keys), Collections.unmodifiableMap(raw));
    }

    /** The keyring as text for {@link #parse(String)}. Contains key material: keep it in a secret store. */
    public String export() {
        State s = state;
        StringBuilder b = new StringBuilder("primary=").append(s.primary).append('\n');
        s.raw.forEach((id, v) -> b.append(id).append('=').append(v).append('\n'));
        return b.toString();
    }

    @Override
    public String primaryKeyId() {
        return state.primary;
    }

    @Override
    public Set<String> keyIds() {
        State s = state;
        Set<String> ids = new LinkedHashSet<>();
        ids.add(s.primary);
        ids.addAll(s.keys.keySet());
        return Collections.unmodifiableSet(ids);
    }

    @Override
    public DataKey key(String keyId) {
        DataKey k = state.keys.get(keyId);
        if (k == null) {
            throw new StoreException("no field-encryption key with id " + (keyId.matches(DataKey.KEY_ID) ? keyId : "?"), false);
        }
        return k;
    }

    @Override
    public String toString() {
        State s = state;
        return "LocalKeyring[primary=" + s.primary + ", keys=" + s.keys.keySet() + "]";
    }
}
