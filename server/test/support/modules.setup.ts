// Every test file starts from the list of modules, as the server does (main.ts reaches modules.ts before anything
// runs): the policy is compiled from the manifests, so code under test may call it whatever it imported first.
import '../../src/modules';
