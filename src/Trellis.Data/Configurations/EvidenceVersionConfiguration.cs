using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class EvidenceVersionConfiguration : IEntityTypeConfiguration<EvidenceVersionRow>
{
    public void Configure(EntityTypeBuilder<EvidenceVersionRow> b)
    {
        b.ToTable("evidence_versions", t =>
            t.HasCheckConstraint("ck_evidence_versions_file_or_link", "(sha256 IS NULL) <> (url IS NULL)"));
        b.HasKey(x => new { x.EvidenceId, x.Number });
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<EvidenceRow>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Cascade);

        // A file version cannot exist without its bytes; a blob in use cannot be deleted.
        b.HasOne<BlobRow>().WithMany().HasForeignKey(x => x.Sha256).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Sha256);
    }
}
