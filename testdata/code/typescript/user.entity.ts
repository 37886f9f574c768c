import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity("users")
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "email_verified", default: false })
  emailVerified: boolean;

  @Column()
  displayName: string;

  fullName(): string {
    return this.displayName;
  }
}
