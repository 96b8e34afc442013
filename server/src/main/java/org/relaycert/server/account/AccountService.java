package org.relaycert.server.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.channels.FileChannel;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.relaycert.server.config.ChatmailParams;
import org.relaycert.server.store.MaildirStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts as chatmail keeps them: created on the first successful-looking login, one
 * {@code password} file per user holding the hash (its mtime is the last IMAP login day) and the
 * {@code enforceE2EEincoming} marker. Refusals look exactly like a wrong password to the client.
 */
public final class AccountService {
    public static final String PASSWORD_FILE = "password";
    public static final String ENFORCE_E2EE_MARKER = "enforceE2EEincoming";
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AddressRules rules;
    private final MaildirStore store;
    private final PasswordHasher hasher = new PasswordHasher();
    private final VerifiedLogins verified = new VerifiedLogins();
    private final Clock clock;
    private final CreationGate gate;
    private final ConcurrentHashMap<String, Object> creationLocks = new ConcurrentHashMap<>();
    private final CredentialGenerator generator;
    private final UnknownAccountLogin unknownLogin;
    /** Verified against by refusals for addresses without an account, so that they cost what a wrong password does. */
    private volatile String dummyHash;

    public AccountService(ChatmailParams params, MaildirStore store, Clock clock, CreationGate gate) {
        this(params, store, clock, gate, UnknownAccountLogin.DUMMY_HASH);
    }

    public AccountService(ChatmailParams params, MaildirStore store, Clock clock, CreationGate gate,
            UnknownAccountLogin unknownLogin) {
        this.unknownLogin = unknownLogin;
        this.rules = new AddressRules(params);
        this.store = store;
        this.clock = clock;
        this.gate = gate;
        this.generator = new CredentialGenerator(params);
    }

    public AddressRules rules() {
        return rules;
    }

    /**
     * Checks a login, creating the account if it does not exist and chatmail's rules allow it.
     * Returns the canonical address on success, empty on any refusal (never says which).
     */
    public Optional<String> authenticate(String login, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> canonical = rules.canonical(login);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        String address = canonical.get();
        Optional<String> stored = storedHash(address);
        if (stored.isPresent()) {
            return verify(address, password, stored.get()) ? canonical : Optional.empty();
        }
        Optional<String> refusal = rules.creationRefusal(address, password).or(gate::refusal);
        if (refusal.isPresent()) {
            log.info("registration rejected for a new address: {}", refusal.get());
            payHashCost(password);
            return Optional.empty();
        }
        synchronized (creationLocks.computeIfAbsent(address, a -> new Object())) {
            // A concurrent first login may have won: then its hash decides.
            Optional<String> raced = storedHash(address);
            if (raced.isPresent()) {
                return verify(address, password, raced.get()) ? canonical : Optional.empty();
            }
            create(address, password);
            return canonical;
        }
    }

    /** Argon2id against the stored hash, unless this password already passed against this very hash. */
    private boolean verify(String address, String password, String storedHash) {
        if (verified.matches(address, storedHash, password)) {
            return true;
        }
        boolean ok = hasher.verify(password, storedHash);
        if (ok) {
            verified.remember(address, storedHash, password);
        }
        return ok;
    }

    /**
     * Spends on a refusal for an address without an account what a wrong password for an existing one costs (an
     * Argon2id check of the same parameters), so that the time taken does not tell which it was.
     */
    private void payHashCost(String password) {
        if (unknownLogin != UnknownAccountLogin.DUMMY_HASH) {
            return;
        }
        String dummy = dummyHash;
        if (dummy == null) {
            // Making the dummy costs one derivation, as the check would; racing first refusals each make one.
            dummyHash = hasher.hash(generator.generate().password());
            return;
        }
        hasher.verify(password, dummy);
    }

    VerifiedLogins verifiedLogins() {
        return verified;
    }

    /** Whether an account (a non-empty password file) exists. */
    public boolean exists(String address) {
        return storedHash(address).isPresent();
    }

    /** Whether incoming cleartext to this account must be refused (all accounts created here). */
    public boolean enforcesE2eeIncoming(String address) {
        return Files.exists(store.userDirectory(address).resolve(ENFORCE_E2EE_MARKER));
    }

    /** Records an IMAP login, day granularity as chatmail's lastlogin does (SMTP logins do not count). */
    public void recordImapLogin(String address) {
        Path pw = store.userDirectory(address).resolve(PASSWORD_FILE);
        try {
            FileTime day = FileTime.from(clock.instant().truncatedTo(ChronoUnit.DAYS));
            if (!Files.getLastModifiedTime(pw).equals(day)) {
                Files.setLastModifiedTime(pw, day);
            }
        } catch (IOException e) {
            log.warn("cannot record login time for an account: {}", e.toString());
        }
    }

    /** Fresh credentials for {@code /new}; nothing is stored, the first login creates the account. */
    public NewAccount generate() {
        return generator.generate();
    }

    private Optional<String> storedHash(String address) {
        Path pw;
        try {
            pw = store.userDirectory(address).resolve(PASSWORD_FILE);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a name that cannot be a mailbox directory (../, /, NUL) has no account
        }
        try {
            String s = Files.readString(pw, StandardCharsets.US_ASCII).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void create(String address, String password) {
        Path dir = store.userDirectory(address);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(PASSWORD_FILE + ".tmp");
            String hash = hasher.hash(password);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap((hash + "\n").getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(PASSWORD_FILE), StandardCopyOption.ATOMIC_MOVE);
            // The creating login is a verified one: the client's next login (its SMTP session, right after the
            // IMAP one) need not derive the hash a second time.
            verified.remember(address, hash, password);
            Files.write(dir.resolve(ENFORCE_E2EE_MARKER), new byte[0]);
            recordImapLogin(address);
            store.mailbox(address);
            log.info("account created");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.relaycert.server.store.StoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
