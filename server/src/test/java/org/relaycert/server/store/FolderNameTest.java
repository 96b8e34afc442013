package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderNameTest {
    @Test
    void inboxIsCaseInsensitiveAlsoAsParent() throws Exception {
        assertThat(FolderName.canonical("inbox")).isEqualTo("INBOX");
        assertThat(FolderName.canonical("InBoX/Sub")).isEqualTo("INBOX/Sub");
        assertThat(FolderName.canonical("DeltaChat")).isEqualTo("DeltaChat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "a/", "/a", "a//b", "..", "a/../b", ".", "a/./b", "bad\u0001name", "tab\tx",
            "del\u007f"})
    void invalidNamesAreRefused(String name) {
        assertThatThrownBy(() -> FolderName.canonical(name))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_NAME);
    }

    @Test
    void directoryNamesAreMaildirPlusPlusAndReversible() throws Exception {
        assertThat(FolderName.directoryName("DeltaChat")).isEqualTo(".DeltaChat");
        assertThat(FolderName.directoryName("a/b")).isEqualTo(".a.b");
        assertThat(FolderName.directoryName("v1.2/x%y")).isEqualTo(".v1%2E2.x%25y");
        for (String name : new String[] {"DeltaChat", "a/b/c", "v1.2/x%y", "Grüße", "&AOQ-", "with space", "a*b"}) {
            String dir = FolderName.directoryName(FolderName.canonical(name));
            assertThat(dir).doesNotContain("/").startsWith(".");
            assertThat(FolderName.fromDirectoryName(dir)).contains(name);
        }
    }

    @Test
    void foreignDirectoriesAreNotFolders() {
        assertThat(FolderName.fromDirectoryName("password")).isEmpty();
        assertThat(FolderName.fromDirectoryName(".")).isEmpty();
        assertThat(FolderName.fromDirectoryName(".a..b")).isEmpty();
        assertThat(FolderName.fromDirectoryName(".x%2")).isEmpty();
        assertThat(FolderName.fromDirectoryName(".x%2F..")).isEmpty();
    }
}
