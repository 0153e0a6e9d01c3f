using System.Globalization;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Core.Program;

namespace Trellis.Application.Compliance;

public sealed partial class ProgramService
{
    /// <summary>The longest SoA version label accepted.</summary>
    public const int SoaVersionMaxLength = 50;

    /// <summary>
    /// Approves the Statement of Applicability as it stands (ISO/IEC 27001:2022 6.1.3 d; the approval is kept as
    /// documented information, 7.5): approved by the acting account, today (the injected clock), under
    /// <paramref name="version"/> or, when none is given, the label after the previous one (<see cref="NextSoaVersion"/>).
    /// Admins and compliance managers only. The approval replaces the previous one; the audit trail keeps both.
    /// </summary>
    public async Task<Result<SoaApproval>> ApproveSoaAsync(Account account, string? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager approves the Statement of Applicability");
        }

        var label = string.IsNullOrWhiteSpace(version) ? NextSoaVersion((await LoadAsync(ct)).SoaApproval?.Version) : version.Trim();
        if (label.Length > SoaVersionMaxLength || label.Any(char.IsControl))
        {
            return new Error(ErrorCodes.FieldTooLong, $"a version label is one line of at most {SoaVersionMaxLength} characters", "version");
        }

        var approval = new SoaApproval(label, account.Email, Today);
        var previous = (await LoadAsync(ct)).SoaApproval;
        var record = Record(account, "soa.approve", "soa", new
        {
            version = approval.Version,
            approvedBy = approval.ApprovedBy,
            approvedOn = approval.ApprovedOn,
            previous = previous?.Version,
        });
        var saved = await store.SaveSoaApprovalAsync(record, approval, ct);
        Changed();
        return saved;
    }

    /// <summary>
    /// The label after <paramref name="previous"/>: its trailing number plus one, keeping the prefix and width
    /// (<c>v4</c> → <c>v5</c>, <c>2026.09</c> → <c>2026.10</c>); <c>v1</c> when there is none; <c>label-2</c> when it ends in no number.
    /// </summary>
    public static string NextSoaVersion(string? previous)
    {
        if (string.IsNullOrWhiteSpace(previous))
        {
            return "v1";
        }

        var start = previous.Length;
        while (start > 0 && char.IsAsciiDigit(previous[start - 1]))
        {
            start--;
        }

        if (start == previous.Length || !long.TryParse(previous[start..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return previous + "-2";
        }

        return previous[..start] + (n + 1).ToString(new string('0', previous.Length - start), CultureInfo.InvariantCulture);
    }
}
