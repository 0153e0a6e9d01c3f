namespace Trellis.Exchange.ProgramAsCode;

/// <summary>Builds a <see cref="YMap"/> in key order, leaving out optional values that are absent or empty.</summary>
internal sealed class MapBuilder
{
    private readonly List<KeyValuePair<string, YNode>> _entries = [];

    public MapBuilder Add(string key, YNode value)
    {
        _entries.Add(new(key, value));
        return this;
    }

    /// <summary>Text whose absence and emptiness mean the same (the model's default is ""): written only when non-empty.</summary>
    public MapBuilder AddText(string key, string value) => value.Length == 0 ? this : Add(key, new YText(value));

    /// <summary>Nullable text: written whenever it is not null, even when empty, so null and "" stay apart.</summary>
    public MapBuilder AddOptional(string key, string? value) => value is null ? this : Add(key, new YText(value));

    public MapBuilder AddDate(string key, DateOnly? value) => value is null ? this : Add(key, YToken.Of(value.Value));

    public MapBuilder AddInstant(string key, DateTimeOffset? value) => value is null ? this : Add(key, new YToken(FieldReading.FormatInstant(value.Value)));

    public MapBuilder AddStrings(string key, IReadOnlyList<string> values) =>
        values.Count == 0 ? this : Add(key, new YSeq(values.Select(v => (YNode)new YText(v)).ToList()));

    public MapBuilder AddList(string key, IEnumerable<YMap> items)
    {
        var list = items.Cast<YNode>().ToList();
        return list.Count == 0 ? this : Add(key, new YSeq(list));
    }

    public MapBuilder AddMap(string key, YMap? value) => value is null ? this : Add(key, value);

    public YMap Build() => new(_entries);
}
