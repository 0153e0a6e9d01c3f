using System.Globalization;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Web.Hosting;

namespace Trellis.Web.Backups;

/// <summary>
/// The backup taken before anything replaces the program (import, demo, restore): written to a folder beside the
/// database (SQLite: <c>&lt;file&gt;.backups/</c>; PostgreSQL: <c>./trellis-backups/</c>), keeping the newest
/// <see cref="Keep"/> (environment <c>TRELLIS_BACKUPS_KEEP</c>, default 5).
/// </summary>
public static class AutomaticBackups
{
    /// <summary>How many automatic backups a folder keeps.</summary>
    public static int Keep => int.TryParse(Environment.GetEnvironmentVariable("TRELLIS_BACKUPS_KEEP"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 5;

    /// <summary>The folder automatic backups of <paramref name="db"/> go to.</summary>
    public static string DefaultFolder(WebDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Provider == DatabaseProvider.Sqlite ? db.Description + ".backups" : Path.GetFullPath("trellis-backups");
    }

    /// <summary>Backs <paramref name="db"/> up into <paramref name="folder"/> and removes the oldest beyond <see cref="Keep"/>; returns the file.</summary>
    public static async Task<Result<string>> KeepAsync(WebDatabase db, string folder, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        Directory.CreateDirectory(folder);
        var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        var extension = db.Provider == DatabaseProvider.Sqlite ? ".db" : ".dump";
        var file = Path.Combine(folder, $"trellis-{stamp}-{reason}{extension}");
        var written = await DatabaseBackups.BackupAsync(db, file, ct).ConfigureAwait(false);
        if (!written.IsSuccess)
        {
            return new Error(ErrorCodes.InvalidBackup, $"the automatic backup before the {reason} failed, so nothing was changed: {written.Error!.Message}");
        }

        foreach (var old in Directory.GetFiles(folder, "trellis-*" + extension).OrderDescending(StringComparer.Ordinal).Skip(Keep))
        {
            File.Delete(old);
        }

        return file;
    }
}
