namespace Trellis.Data.AuditTrail;

/// <summary>
/// What a write puts in the audit trail, appended in the write's own transaction (<see cref="AuditJournal"/>): every
/// store write takes one, so no write can reach the database without its entry.
/// </summary>
/// <param name="At">When (from the application's clock; stored to the millisecond, UTC).</param>
/// <param name="Actor">Who: an account's e-mail, <c>cli:&lt;operating-system user&gt;</c>, or <c>system</c>.</param>
/// <param name="Action">What, noun.verb, e.g. <c>control.update</c>.</param>
/// <param name="Resource">Which resource, e.g. <c>control/AC-01</c>.</param>
/// <param name="Change">The change (new values, or what was removed), serialized to canonical JSON; null is <c>{}</c>.</param>
public sealed record AuditRecord(DateTimeOffset At, string Actor, string Action, string Resource, object? Change);
