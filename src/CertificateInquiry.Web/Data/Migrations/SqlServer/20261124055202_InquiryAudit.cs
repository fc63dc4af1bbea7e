using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InquiryAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InquiryAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OccurredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Channel = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: false),
                    Outcome = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    CertificateId = table.Column<long>(type: "bigint", nullable: true),
                    ClientAddressHash = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InquiryAudit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_ClientAddressHash_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "ClientAddressHash", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_OccurredAtUtc",
                table: "InquiryAudit",
                column: "OccurredAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InquiryAudit");
        }
    }
}
