using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InquiryAuditLeanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InquiryAudit_AgencyClientId_OccurredAtUtc",
                table: "InquiryAudit");

            migrationBuilder.DropIndex(
                name: "IX_InquiryAudit_ClientAddressHash_OccurredAtUtc",
                table: "InquiryAudit");

            migrationBuilder.DropIndex(
                name: "IX_InquiryAudit_NationalCodeHash_OccurredAtUtc",
                table: "InquiryAudit");

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_AgencyClientId_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "AgencyClientId", "OccurredAtUtc" },
                filter: "AgencyClientId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_NationalCodeHash_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "NationalCodeHash", "OccurredAtUtc" },
                filter: "NationalCodeHash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InquiryAudit_AgencyClientId_OccurredAtUtc",
                table: "InquiryAudit");

            migrationBuilder.DropIndex(
                name: "IX_InquiryAudit_NationalCodeHash_OccurredAtUtc",
                table: "InquiryAudit");

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_AgencyClientId_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "AgencyClientId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_ClientAddressHash_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "ClientAddressHash", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InquiryAudit_NationalCodeHash_OccurredAtUtc",
                table: "InquiryAudit",
                columns: new[] { "NationalCodeHash", "OccurredAtUtc" });
        }
    }
}
