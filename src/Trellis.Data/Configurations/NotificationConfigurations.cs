using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class NotificationJobRunConfiguration : IEntityTypeConfiguration<NotificationJobRunRow>
{
    public void Configure(EntityTypeBuilder<NotificationJobRunRow> b)
    {
        b.ToTable("notification_job_runs");
        b.HasKey(x => new { x.Job, x.Slot });
        b.Property(x => x.Job).HasMaxLength(64);
        b.Property(x => x.Holder).HasMaxLength(200);
    }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDeliveryRow>
{
    public void Configure(EntityTypeBuilder<NotificationDeliveryRow> b)
    {
        b.ToTable("notification_deliveries");
        b.HasKey(x => new { x.Job, x.Slot, x.Person });
        b.Property(x => x.Job).HasMaxLength(64);
        b.Property(x => x.Person).HasMaxLength(320);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.MessageId).HasMaxLength(300);
        b.Property(x => x.MailState).HasMaxLength(20);
        b.Property(x => x.Holder).HasMaxLength(200);
        b.Property(x => x.MailError).HasMaxLength(500);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<NotificationRow>
{
    public void Configure(EntityTypeBuilder<NotificationRow> b)
    {
        b.ToTable("notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Person).HasMaxLength(320);
        b.Property(x => x.DedupeKey).HasMaxLength(400);
        b.Property(x => x.Job).HasMaxLength(64);
        b.Property(x => x.Kind).HasMaxLength(64);
        b.Property(x => x.Subject).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.Person, x.DedupeKey }).IsUnique();
        b.HasIndex(x => new { x.Person, x.ReadAt });
    }
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettingsRow>
{
    public void Configure(EntityTypeBuilder<NotificationSettingsRow> b)
    {
        b.ToTable("notification_settings");
        b.HasKey(x => x.Person);
        b.Property(x => x.Person).HasMaxLength(320);
        b.Property(x => x.Kinds).HasMaxLength(1000);
    }
}
