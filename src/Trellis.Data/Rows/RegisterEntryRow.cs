namespace Trellis.Data.Rows;

/// <summary>
/// An entry of the staff or vendor register (or the register's settings) kept as its JSON document: entries are read
/// and written whole and never queried by their fields. Erasing a person deletes their row; nothing else holds their
/// personal data (the audit trail names them by <see cref="Id"/>).
/// </summary>
public sealed class RegisterEntryRow
{
    /// <summary><c>person</c>, <c>vendor</c> or <c>settings</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>ID within the kind (a person's opaque ID, a vendor's ID).</summary>
    public string Id { get; set; } = "";

    /// <summary>The natural key, unique within the kind: a person's e-mail, a vendor's ID.</summary>
    public string Key { get; set; } = "";

    /// <summary>The entry as JSON.</summary>
    public string Document { get; set; } = "";

    /// <summary>Concurrency token, incremented on every update.</summary>
    public int Version { get; set; } = 1;
}
