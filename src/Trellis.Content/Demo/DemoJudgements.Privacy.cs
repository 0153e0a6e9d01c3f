using Trellis.Core.Program;

namespace Trellis.Content.Demo;

// Points of focus of the common criteria that concern personal information and apply only when the Privacy category is in
// the SOC 2 scope. Northwind's report covers Security, Availability and Confidentiality; its personal data duties are met
// under the GDPR programme (AC-30) and reported to customers through the DPA, not through this report. Each was judged not
// relevant when the scope was set.
internal static partial class DemoJudgements
{
    private const string PrivacyOutOfScope =
        "Privacy is not a category of our SOC 2 scope (Security, Availability and Confidentiality only), so this privacy point "
        + "of focus does not apply to the report; ";

    private static IEnumerable<Judgement> OutOfScope(Book book) =>
    [
        book.NotRelevant("CC1.3-POF6", 140, 9, PrivacyOutOfScope + "the DPO's role under the GDPR programme is defined there."),
        book.NotRelevant("CC2.2-POF9", 140, 9, PrivacyOutOfScope + "privacy awareness for staff is part of the GDPR programme."),
        book.NotRelevant("CC2.3-POF7", 140, 9, PrivacyOutOfScope + "customers receive our privacy commitments in the DPA."),
        book.NotRelevant("CC6.1-POF13", 140, 9, PrivacyOutOfScope + "personal data in customer content is protected as customer-confidential data."),
        book.NotRelevant("CC7.3-POF6", 140, 9, PrivacyOutOfScope + "incidents touching customer content are assessed as confidentiality incidents."),
        book.NotRelevant("CC7.3-POF7", 140, 9, PrivacyOutOfScope + "what customer content an incident reached is established under CC7.3-POF5."),
        book.NotRelevant("CC7.4-POF12", 140, 9, PrivacyOutOfScope + "personal data breaches follow the GDPR breach procedure of the DPO."),
        book.NotRelevant("CC7.4-POF13", 140, 9, PrivacyOutOfScope + "notifying data subjects and regulators is the DPO's duty under the GDPR."),
        book.NotRelevant("CC8.1-POF17", 140, 9, PrivacyOutOfScope + "changes touching customer content are covered by the confidentiality points of focus."),
        book.NotRelevant("CC8.1-POF18", 140, 9, PrivacyOutOfScope + "data protection by design is assessed in the GDPR programme's DPIAs."),
        book.NotRelevant("CC9.2-POF12", 140, 9, PrivacyOutOfScope + "processor terms with subprocessors are handled in the GDPR programme."),
        book.NotRelevant("CC9.2-POF13", 140, 9, PrivacyOutOfScope + "subprocessors' compliance with those terms is reviewed by the DPO."),
    ];
}
