using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class AuditDocumentConfiguration : IEntityTypeConfiguration<AuditDocumentRow>
{
    public void Configure(EntityTypeBuilder<AuditDocumentRow> b)
    {
        b.ToTable("audit_documents");
        b.HasKey(x => new { x.Kind, x.Id });
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Id).HasMaxLength(100);
        b.Property(x => x.Document).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
