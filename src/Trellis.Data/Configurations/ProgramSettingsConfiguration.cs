using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class ProgramSettingsConfiguration : IEntityTypeConfiguration<ProgramSettingsRow>
{
    public void Configure(EntityTypeBuilder<ProgramSettingsRow> b)
    {
        b.ToTable("program_settings", t => t.HasCheckConstraint("ck_program_settings_singleton", "id = 1"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Organization).IsRequired();
        b.Property(x => x.ScopeJson).IsRequired();
        b.Property(x => x.RiskMatrixJson).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();

        // The row always exists, so writers can lock it (ReplaceAsync serializes on it) and readers never miss it.
        b.HasData(new ProgramSettingsRow { Id = ProgramSettingsRow.SingletonId, Organization = "", ScopeJson = "{}", RiskMatrixJson = "{}", Version = 1 });
    }
}
