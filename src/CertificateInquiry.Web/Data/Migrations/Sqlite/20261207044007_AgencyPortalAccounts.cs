using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CertificateInquiry.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgencyPortalAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgencyClientId",
                table: "StaffUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.InsertData(
                table: "StaffRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "AgencyAdministrator", "AgencyAdministrator", "AgencyAdministrator", "AGENCYADMINISTRATOR" },
                    { "AgencyOfficer", "AgencyOfficer", "AgencyOfficer", "AGENCYOFFICER" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffUsers_AgencyClientId",
                table: "StaffUsers",
                column: "AgencyClientId");

            migrationBuilder.AddForeignKey(
                name: "FK_StaffUsers_AgencyClients_AgencyClientId",
                table: "StaffUsers",
                column: "AgencyClientId",
                principalTable: "AgencyClients",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StaffUsers_AgencyClients_AgencyClientId",
                table: "StaffUsers");

            migrationBuilder.DropIndex(
                name: "IX_StaffUsers_AgencyClientId",
                table: "StaffUsers");

            migrationBuilder.DeleteData(
                table: "StaffRoles",
                keyColumn: "Id",
                keyValue: "AgencyAdministrator");

            migrationBuilder.DeleteData(
                table: "StaffRoles",
                keyColumn: "Id",
                keyValue: "AgencyOfficer");

            migrationBuilder.DropColumn(
                name: "AgencyClientId",
                table: "StaffUsers");
        }
    }
}
