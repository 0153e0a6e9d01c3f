using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class ControlTaskNoteConfiguration : IEntityTypeConfiguration<ControlTaskNoteRow>
{
    public void Configure(EntityTypeBuilder<ControlTaskNoteRow> b)
    {
        b.ToTable("control_task_notes");
        b.HasKey(x => new { x.ControlId, x.PeriodStart });
        b.Property(x => x.ControlId).HasMaxLength(64);
        b.Property(x => x.Assignee).HasMaxLength(320);
        b.Property(x => x.SnoozeReason).HasMaxLength(2000);
        b.Property(x => x.DidNotOccurReason).HasMaxLength(2000);
        b.HasOne<ControlRow>().WithMany().HasForeignKey(x => x.ControlId).OnDelete(DeleteBehavior.Cascade);
    }
}
