package org.relaycert.reports;

/** How binding a requirement is: a MUST failure fails the certification, a SHOULD failure warns. */
public enum Level {
    MUST,
    SHOULD
}
