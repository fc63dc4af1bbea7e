using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StaffAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", unicode: false, maxLength: 48, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    SubjectId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromStatus = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffAudit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffAudit_AtUtc",
                table: "StaffAudit",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAudit_SubjectType_SubjectId",
                table: "StaffAudit",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffAudit_UserId",
                table: "StaffAudit",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaffAudit");
        }
    }
}
