package io.example.alpha;

import static io.example.beta.deep.Gazetteer.load;

class AlphaTest {
    Object data = load();
}
