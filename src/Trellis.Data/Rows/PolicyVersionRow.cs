namespace Trellis.Data.Rows;

/// <summary>One version of a policy: its Markdown text and where it stands.</summary>
public sealed class PolicyVersionRow
{
    /// <summary>Policy ID (with <see cref="Number"/>, the primary key).</summary>
    public string PolicyId { get; set; } = "";

    /// <summary>Version number, from 1.</summary>
    public int Number { get; set; }

    /// <summary>Markdown text.</summary>
    public string Body { get; set; } = "";

    /// <summary>Who wrote it.</summary>
    public string Author { get; set; } = "";

    /// <summary>When it was started, UTC ticks.</summary>
    public long CreatedUtcTicks { get; set; }

    /// <summary>Status (wire name).</summary>
    public string Status { get; set; } = "draft";

    /// <summary>Named approvers, JSON list of e-mails.</summary>
    public string ApproversJson { get; set; } = "[]";

    /// <summary>When it was published, UTC ticks.</summary>
    public long? PublishedUtcTicks { get; set; }
}
