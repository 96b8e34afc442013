package org.relaycert.server.mime;

import static org.relaycert.server.mime.ImapString.nstring;

import java.util.List;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * Writes the FETCH ENVELOPE value (RFC 3501 section 7.4.2, RFC 9051 section 7.5.2):
 * <pre>
 * envelope     = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to
 *                SP env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
 * env-from     = "(" 1*address ")" / nil          ; likewise sender, reply-to, to, cc, bcc
 * address      = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
 * </pre>
 * Date, subject, in-reply-to and message-id are the unfolded raw header values. Sender and reply-to
 * default to from when absent (RFC 3501: the server MUST default them). A group is written as
 * {@code (NIL NIL "name" NIL)}, its members, then {@code (NIL NIL NIL NIL)}. Addresses are parsed
 * with mime4j's lenient parser, which also decodes RFC 2047 display names.
 */
final class EnvelopeWriter {

    private EnvelopeWriter() {
    }

    static String write(MimeHeader header) {
        String from = addresses(header, "From");
        String sender = addresses(header, "Sender");
        String replyTo = addresses(header, "Reply-To");
        return "(" + nstring(header.first("Date"))
                + " " + nstring(header.first("Subject"))
                + " " + from
                + " " + ("NIL".equals(sender) ? from : sender)
                + " " + ("NIL".equals(replyTo) ? from : replyTo)
                + " " + addresses(header, "To")
                + " " + addresses(header, "Cc")
                + " " + addresses(header, "Bcc")
                + " " + nstring(header.first("In-Reply-To"))
                + " " + nstring(header.first("Message-ID"))
                + ")";
    }

    private static String addresses(MimeHeader header, String name) {
        List<String> values = header.all(name);
        if (values.isEmpty()) {
            return "NIL";
        }
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            AddressList list;
            try {
                list = LenientAddressParser.DEFAULT.parseAddressList(value);
            } catch (RuntimeException e) {
                continue; // unparseable address lists are left out, never fatal
            }
            for (Address address : list) {
                if (address instanceof Mailbox mailbox) {
                    out.append(mailbox(mailbox));
                } else if (address instanceof Group group) {
                    out.append("(NIL NIL ").append(nstring(group.getName())).append(" NIL)");
                    for (Mailbox member : group.getMailboxes()) {
                        out.append(mailbox(member));
                    }
                    out.append("(NIL NIL NIL NIL)");
                }
            }
        }
        return out.isEmpty() ? "NIL" : "(" + out + ")";
    }

    private static String mailbox(Mailbox mailbox) {
        String name = mailbox.getName();
        String adl = mailbox.getRoute() == null || mailbox.getRoute().isEmpty()
                ? null : mailbox.getRoute().toRouteString();
        String domain = mailbox.getDomain();
        return "(" + nstring(name == null || name.isEmpty() ? null : name)
                + " " + nstring(adl)
                + " " + nstring(mailbox.getLocalPart())
                + " " + nstring(domain == null || domain.isEmpty() ? null : domain)
                + ")";
    }
}
