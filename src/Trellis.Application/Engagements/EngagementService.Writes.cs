using Trellis.Application.Actors;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data;

namespace Trellis.Application.Engagements;

public sealed partial class EngagementService
{
    /// <summary>
    /// Creates or replaces an engagement (admin and compliance manager). Same If-Match rules as controls: replacing
    /// an existing one needs the version read, a stale version fails with <c>concurrency-conflict</c>. The framework
    /// must be a shipped one and the engagement must pass <see cref="EngagementRules.Validate"/>.
    /// </summary>
    public async Task<Result<Versioned<Engagement>>> SaveAsync(Account account, Engagement engagement, int? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(engagement);
        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager plans engagements");
        }

        if (!(await program.CatalogAsync(ct)).Framework(engagement.Framework).IsSuccess)
        {
            return new Error(ErrorCodes.InvalidEngagement, $"unknown framework '{engagement.Framework}'", "framework");
        }

        var valid = EngagementRules.Validate(engagement);
        if (!valid.IsSuccess)
        {
            return valid.Error!;
        }

        if (Ids.Check(engagement.Id, "id", "engagement") is { } badId)
        {
            return badId;
        }

        var stored = await store.EngagementsAsync(ct);
        if (Ids.CaseTwin(engagement.Id, stored.Select(e => e.Value.Id)) is { } twin)
        {
            return Ids.Duplicate("engagement", engagement.Id, twin, "id");
        }

        var existing = stored.FirstOrDefault(e => string.Equals(e.Value.Id, engagement.Id, StringComparison.Ordinal));
        if (existing is not null && expectedVersion is null)
        {
            return new Error(ErrorCodes.PreconditionRequired, $"engagement '{engagement.Id}' exists: send If-Match with the ETag you read");
        }

        var record = Record(account, existing is null ? "engagement.create" : "engagement.update", $"engagement/{engagement.Id}", new
        {
            kind = engagement.Kind.ToWire(),
            framework = engagement.Framework,
            window = engagement.Window?.ToString(),
            asOf = engagement.AsOf,
            version = AuditRecords.NextVersion(expectedVersion),
        });
        var saved = await store.SaveEngagementAsync(record, engagement, expectedVersion, ct);

        return saved;
    }

    /// <summary>
    /// Stores a planned calendar (admins and compliance managers): the engagements not stored yet are added in one
    /// transaction with its audit entry; those already stored are kept as they are. Returns how many were added.
    /// </summary>
    public async Task<Result<int>> SavePlanAsync(Account account, IReadOnlyList<Engagement> engagements, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(engagements);
        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager plans engagements");
        }

        foreach (var engagement in engagements)
        {
            var valid = EngagementRules.Validate(engagement);
            if (!valid.IsSuccess)
            {
                return valid.Error!;
            }
        }

        var record = Record(account, "engagements.plan", "engagements", new { engagements = engagements.Select(e => e.Id) });
        var (added, _) = await store.AddMissingAsync(record, engagements, [], ct);
        return added;
    }

    /// <summary>
    /// Plans a synchronized SOC 2 and ISO/IEC 27001 calendar from <paramref name="request"/> (as of today; docs/audit-cycle.md)
    /// and stores its engagements as <see cref="SavePlanAsync"/> does (<c>trellis plan --save</c>): those not stored yet are
    /// added, those stored are kept. SOC 2 engagements get <paramref name="firm"/>, ISO audits <paramref name="certificationBody"/>.
    /// Planning errors name the request field they concern.
    /// </summary>
    public async Task<Result<PlannedEngagements>> PlanAndSaveAsync(Account account, PlanRequest request, string firm, string certificationBody, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager plans engagements");
        }

        var plan = AuditPlanner.Plan(request with { Today = Today });
        if (!plan.IsSuccess)
        {
            var error = plan.Error!;
            return error.Location is not null ? error : error with
            {
                Location = error.Code switch
                {
                    ErrorCodes.InvalidYears => "years",
                    ErrorCodes.InvalidWindow => "firstWindowMonths",
                    ErrorCodes.InvalidSpacing => "minimumFieldworkSpacingDays",
                    _ => "certificationDecision",
                },
            };
        }

        var engagements = PlanEngagements.FromPlan(plan.Value.Events, firm.Trim(), certificationBody.Trim());
        var added = await SavePlanAsync(account, engagements, ct);
        return added.IsSuccess ? new PlannedEngagements(engagements, added.Value) : added.Error!;
    }

    /// <summary>Turns a request body into an engagement, or explains what is wrong with it.</summary>
    public static Result<Engagement> FromRequest(string id, EngagementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!EngagementKinds.TryParse(request.Kind, out var kind))
        {
            return new Error(ErrorCodes.InvalidEngagement, $"unknown kind '{request.Kind}'; expected one of {string.Join(", ", EngagementKinds.WireNames)}", "kind");
        }

        ObservationWindow? window = null;
        if (request.WindowStart is { } ws || request.WindowEnd is not null)
        {
            if (request.WindowStart is null || request.WindowEnd is null)
            {
                return new Error(ErrorCodes.InvalidEngagement, "a window needs both windowStart and windowEnd", request.WindowStart is null ? "windowStart" : "windowEnd");
            }

            var w = ObservationWindow.Create(request.WindowStart.Value, request.WindowEnd.Value);
            if (!w.IsSuccess)
            {
                return w.Error! with { Location = "windowEnd" };
            }

            window = w.Value;
        }

        DateRange? fieldwork = null;
        if (request.FieldworkStart is not null || request.FieldworkEnd is not null)
        {
            var f = DateRange.Create(request.FieldworkStart ?? request.FieldworkEnd!.Value, request.FieldworkEnd ?? request.FieldworkStart!.Value);
            if (!f.IsSuccess)
            {
                return f.Error! with { Location = "fieldworkEnd" };
            }

            fieldwork = f.Value;
        }

        var engagement = new Engagement
        {
            Id = id,
            Kind = kind,
            Title = request.Title ?? "",
            Firm = request.Firm ?? "",
            Categories = request.Categories ?? ["security"],
            AsOf = request.AsOf,
            Window = window,
            Fieldwork = fieldwork,
            ReportDate = request.ReportDate,
        };
        return request.Framework is { Length: > 0 } fw ? engagement with { Framework = fw } : engagement;
    }
}
