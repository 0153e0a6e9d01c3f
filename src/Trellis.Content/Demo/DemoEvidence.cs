using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Content.Demo;

/// <summary>
/// Generates the demo evidence: for every control that is not merely planned, its policy or procedure and records
/// of it operating, with small deterministic text and CSV files (or links), dated over the last 12 months from
/// <c>today</c>. Four controls are deliberately stale: their newest evidence is older than one cadence period plus
/// the 14-day grace.
/// </summary>
internal static class DemoEvidence
{
    /// <summary>Days between today and the newest evidence of the deliberately stale controls.</summary>
    internal static IReadOnlyDictionary<string, int> StaleDays { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AC-22"] = 125,
        ["AC-44"] = 100,
        ["AC-49"] = 40,
        ["AC-51"] = 75,
    };

    private static readonly string[] Systems = ["okta", "aws-prod", "github", "google-workspace", "datadog", "jamf", "rds-invoicing", "eks-prod"];

    public static (IReadOnlyList<EvidenceItem> Items, IReadOnlyDictionary<string, byte[]> Blobs) Create(IReadOnlyList<DemoControls.Row> rows, DateOnly today)
    {
        var items = new List<EvidenceItem>();
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string NextId() => $"EV-{items.Count + 1:D4}";

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Status == ImplementationStatus.Planned)
            {
                continue;
            }

            var stale = StaleDays.TryGetValue(row.Id, out var staleDays);
            var designLag = stale ? staleDays + 10 : 2 + ((i * 53) % 300);
            items.Add(Design(NextId(), row, i, today, designLag, blobs));

            var operating = row.Status != ImplementationStatus.Implemented ? 1
                : Frequent(row.Cadence) || i % 2 == 0 ? 2 : 1;
            for (var j = 0; j < operating; j++)
            {
                var lag = stale ? staleDays + (j * 3) : 2 + (((i * 37) + (j * 11)) % FreshLagLimit(row.Cadence));
                items.Add(Operating(NextId(), row, i, j, today, lag, blobs));
            }
        }

        var aws = new DemoControls.Row("", "AWS SOC 2 Type 2 report and bridge letter review", DemoPeople.Compliance, Cadence.Annual, ImplementationStatus.Implemented, "", "",
            "Review of the carved-out subservice organization's SOC 2 Type 2 report, complementary controls and bridge letter.");
        var shared = Design(NextId(), aws, rows.Count, today, 70, blobs) with { Source = "AWS Artifact", ControlIds = ["AC-23", "AC-28"] };
        items.Add(shared);
        return (items, blobs);
    }

    private static bool Frequent(Cadence c) => c is Cadence.Continuous or Cadence.Daily or Cadence.Weekly or Cadence.Monthly or Cadence.Quarterly;

    // Comfortably inside one cadence period plus grace, so these controls read as fresh.
    private static int FreshLagLimit(Cadence c) => c switch
    {
        Cadence.Daily => 8,
        Cadence.Weekly => 12,
        Cadence.Continuous or Cadence.Monthly => 25,
        Cadence.Quarterly => 70,
        Cadence.SemiAnnual => 150,
        _ => 300,
    };

    private static EvidenceItem Design(string id, DemoControls.Row row, int i, DateOnly today, int lag, Dictionary<string, byte[]> blobs)
    {
        var latest = today.AddDays(-lag);
        var dates = i % 3 == 0 && latest.AddMonths(-6) >= today.AddDays(-365) ? new[] { latest.AddMonths(-6), latest } : new[] { latest };
        var title = row.Id.Length == 0 ? row.Title : $"{row.Title}: policy and procedure";
        var versions = dates.Select((d, k) => File(
            k + 1, $"{Slug(row.Id, row.Title)}-v{k + 1}.md", "text/markdown", d, null, i,
            Markdown(title, row, k + 1, d, row.Status == ImplementationStatus.Implemented ? "approved" : "draft"), blobs)).ToList();
        return new EvidenceItem
        {
            Id = id,
            Title = title,
            Source = "Policy library (Google Drive)",
            ControlIds = row.Id.Length == 0 ? [] : [row.Id],
            Versions = versions,
        };
    }

    private static EvidenceItem Operating(string id, DemoControls.Row row, int i, int j, DateOnly today, int lag, Dictionary<string, byte[]> blobs)
    {
        var (count, kind) = row.Cadence switch
        {
            Cadence.Daily => (3, "daily job report"),
            Cadence.Weekly => (4, "weekly triage log"),
            Cadence.Continuous or Cadence.Monthly => (4, "monthly report"),
            Cadence.Quarterly => (4, "quarterly review record"),
            Cadence.SemiAnnual => (2, "meeting minutes"),
            Cadence.OnEvent => (2, "event records"),
            _ => (1, "annual review record"),
        };
        if (row.Status != ImplementationStatus.Implemented)
        {
            (count, kind) = (1, "pilot record");
        }

        var latest = today.AddDays(-lag);
        var versions = new List<EvidenceVersion>();
        for (var k = count - 1; k >= 0; k--)
        {
            var (from, to) = Period(row.Cadence, latest, k);
            if (from < today.AddDays(-365) && versions.Count + k > 0)
            {
                continue;
            }

            var number = versions.Count + 1;
            var link = (i + j) % 5 == 0 && row.Cadence is Cadence.OnEvent or Cadence.Annual;
            versions.Add(link
                ? Link(number, $"https://northwind.atlassian.example/browse/SEC-{(i * 40) + (j * 7) + number}", to, i)
                : File(number, $"{Slug(row.Id, kind)}-{to:yyyy-MM-dd}.csv", "text/csv", from, to == from ? null : to, i, Csv(row, kind, j, number, from, to), blobs));
        }

        return new EvidenceItem
        {
            Id = id,
            Title = $"{row.Title}: {(j == 0 ? kind : "system export")}",
            Source = Source(row.Owner, j),
            ControlIds = [row.Id],
            Versions = versions,
        };
    }

    // Reports of frequent controls cover a period; reviews, minutes and event records show one day.
    private static (DateOnly From, DateOnly To) Period(Cadence cadence, DateOnly latest, int periodsBack) => cadence switch
    {
        Cadence.Continuous or Cadence.Monthly => (latest.AddMonths(-periodsBack - 1).AddDays(1), latest.AddMonths(-periodsBack)),
        Cadence.Weekly => (latest.AddDays((-7 * periodsBack) - 6), latest.AddDays(-7 * periodsBack)),
        Cadence.OnEvent => (latest.AddDays(-97 * periodsBack), latest.AddDays(-97 * periodsBack)),
        _ => (cadence.AddPeriod(latest, -periodsBack), cadence.AddPeriod(latest, -periodsBack)),
    };

    private static EvidenceVersion File(
        int number, string fileName, string mediaType, DateOnly from, DateOnly? to, int i, string text, Dictionary<string, byte[]> blobs)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        blobs[sha] = bytes;
        return new EvidenceVersion
        {
            Number = number,
            Sha256 = sha,
            FileName = fileName,
            Size = bytes.LongLength,
            MediaType = mediaType,
            CollectedAt = Collected(to ?? from, i),
            EffectiveFrom = from,
            EffectiveTo = to,
        };
    }

    private static EvidenceVersion Link(int number, string url, DateOnly day, int i) => new()
    {
        Number = number,
        Url = url,
        CollectedAt = Collected(day, i),
        EffectiveFrom = day,
    };

    // The morning after the evidence's last day; never later than yesterday, since every lag is at least two days.
    private static DateTimeOffset Collected(DateOnly end, int i) =>
        new(end.AddDays(1).ToDateTime(new TimeOnly(9, i % 60)), TimeSpan.Zero);

    private static string Markdown(string title, DemoControls.Row row, int version, DateOnly date, string state) =>
        $"# {title}\n\nNorthwind Cloud Ltd. Control {(row.Id.Length == 0 ? "(shared)" : row.Id)}: {row.Title}\n\n"
        + $"Owner: {row.Owner}\nVersion: {version}\nStatus: {state}\nEffective: {date:yyyy-MM-dd}\n\n## Purpose\n\n{row.Description}\n\n"
        + $"## Review\n\nReviewed and {state} by {row.Owner} on {date:yyyy-MM-dd}. Next review within one {row.Cadence.ToWire()} cycle.\n";

    private static string Csv(DemoControls.Row row, string kind, int j, int version, DateOnly from, DateOnly to)
    {
        var sb = new StringBuilder("control,period_start,period_end,system,check,result,checked_by\n");
        var lines = 3 + ((row.Id.Length + from.DayNumber + version + j) % 4);
        for (var n = 0; n < lines; n++)
        {
            var system = Systems[(n + j + version) % Systems.Length];
            var result = (n + version) % 7 == 3 ? $"exception (ticket SEC-{100 + n + (version * 10)}, remediated)" : "pass";
            sb.Append(CultureInfo.InvariantCulture, $"{row.Id},{from:yyyy-MM-dd},{to:yyyy-MM-dd},{system},{kind} item {n + 1},{result},{row.Owner}\n");
        }

        return sb.ToString();
    }

    private static string Source(string owner, int j) => (owner, j) switch
    {
        (DemoPeople.It, _) => j == 0 ? "Okta admin console export" : "Jamf Pro export",
        (DemoPeople.Sre, _) => j == 0 ? "AWS Config" : "Terraform Cloud",
        (DemoPeople.SecurityEngineering, _) => j == 0 ? "Datadog Cloud SIEM" : "Wiz",
        (DemoPeople.Engineering, _) => "GitHub",
        (DemoPeople.People, _) => "HiBob HR system",
        (DemoPeople.Legal or DemoPeople.Dpo, _) => "Legal and privacy register",
        (DemoPeople.Facilities, _) => "Badge access system",
        _ => "Jira (GRC project)",
    };

    private static string Slug(string id, string text)
    {
        var sb = new StringBuilder(id.ToLowerInvariant()).Append('-');
        foreach (var c in text.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var slug = string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 48 ? slug[..48].TrimEnd('-') : slug;
    }
}
