using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Sqlite.Migrations
{
    /// <summary>
    /// The audit trail's tables, which program writes now append to in their own transaction: created if absent
    /// (the web state's first migration creates them too). The model maps them excluded from these migrations.
    /// </summary>
    [DbContext(typeof(TrellisDbContext))]
    [Migration("20261202160000_AuditTrail")]
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Trellis.Data.AuditTrail.AuditTrailSchema.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The tables may hold entries written through the web state: they are left in place.
        }
    }
}
