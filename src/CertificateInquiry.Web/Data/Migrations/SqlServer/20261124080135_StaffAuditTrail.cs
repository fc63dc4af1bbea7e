using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "varchar(48)", unicode: false, maxLength: 48, nullable: false),
                    SubjectType = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    SubjectId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    ProvinceId = table.Column<int>(type: "int", nullable: true),
                    FromStatus = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: true),
                    ToStatus = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: true),
                    Details = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
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
