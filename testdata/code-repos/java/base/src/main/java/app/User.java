package app;

import jakarta.persistence.*;

@Entity
@Table(name = "users")
public class User {
    @Id
    private Long id;

    @Column(name = "legacy_flag")
    private boolean legacyFlag;
}
