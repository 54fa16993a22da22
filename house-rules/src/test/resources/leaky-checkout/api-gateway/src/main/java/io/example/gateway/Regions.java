package io.example.gateway;

import io.example.beta.deep.*;
import io.example.shared.Codes;

final class Regions {
}
