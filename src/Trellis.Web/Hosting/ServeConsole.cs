namespace Trellis.Web.Hosting;

/// <summary>
/// Where the app tells the person who started it what they need: the URL and, on a first start, the
/// one-time administrator password. <c>trellis serve</c> writes to standard output; tests capture it.
/// </summary>
/// <param name="Writer">The writer. The default is standard output.</param>
public sealed record ServeConsole(TextWriter Writer)
{
    /// <summary>Writes one line.</summary>
    public void Say(string line)
    {
        lock (Writer)
        {
            Writer.WriteLine(line);
            Writer.Flush();
        }
    }
}
