namespace Trellis.Data;

/// <summary>
/// A stored value with its concurrency token. Send <see cref="Version"/> back with an update (an HTTP ETag /
/// If-Match); a stale one is rejected with <c>concurrency-conflict</c>.
/// </summary>
/// <typeparam name="T">The Core type.</typeparam>
/// <param name="Value">The value as stored.</param>
/// <param name="Version">Its version, from 1, incremented by every update.</param>
public sealed record Versioned<T>(T Value, int Version);
